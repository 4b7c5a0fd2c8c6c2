/**
 * The documents channels of the IPC contract. Merged into the one contract object in contract.ts;
 * every channel is still declared exactly once.
 */
export const documentsContract = {} as const;
