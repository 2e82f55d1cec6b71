// The page's side of the sequence lab's worker (worker.js), through the shared WorkerClient.

import { WorkerClient } from '../../shared/worker-client.js';

export class SequenceClient extends WorkerClient {
  constructor() {
    super(new URL('./worker.js', import.meta.url), { en: 'sequence', zh: '序列实验室' });
  }
}
