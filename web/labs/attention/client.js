// The page's side of the attention lab's worker (worker.js), through the shared WorkerClient.

import { WorkerClient } from '../../shared/worker-client.js';

export class AttentionClient extends WorkerClient {
  constructor() {
    super(new URL('./worker.js', import.meta.url), { en: 'attention', zh: '注意力实验室' });
  }
}
