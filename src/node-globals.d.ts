/**
 * Node's types have no global `Transferable`, the DOM's name for what may move to another
 * thread, which comlink and the worker pool's call options use. In Node that is what
 * worker_threads can transfer. Only the Node tsconfig reads this file.
 */
type Transferable = import('node:worker_threads').TransferListItem;
