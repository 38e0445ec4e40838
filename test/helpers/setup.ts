// Mocha root hooks shared by the unit and server levels: the WASM shell parser starts once.
import { initShellParser } from '../../server/src/model/shell';

export const mochaHooks = {
  async beforeAll(): Promise<void> {
    await initShellParser();
  },
};
