// The page's side of the words lab's worker (worker.js), through the shared WorkerClient.

import { WorkerClient } from '../../shared/worker-client.js';

export class WordsClient extends WorkerClient {
  constructor() {
    super(new URL('./worker.js', import.meta.url), { en: 'words', zh: '词向量实验室' });
  }
}
