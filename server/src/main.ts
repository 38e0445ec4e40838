// Node entry point: `node dist/server.js --stdio | --node-ipc | --socket=PORT`.
// vscode-languageserver reads the transport from argv itself.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
startServer(connection);
