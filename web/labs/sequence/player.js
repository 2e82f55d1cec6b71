// The sequence lab's play loop: the digits lab's worker loop (web/labs/digits/player.js) as it
// is, since the sequence lab's worker answers `train` the same way (at most one request in
// flight, sized to about 30 ms of work, never crossing an epoch's end, measurements awaited at
// each epoch's end, a pace in epochs per second, a pause at an armed epoch).

export { createDigitsPlayer as createSequencePlayer } from '../digits/player.js';
