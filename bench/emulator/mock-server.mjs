// Serves @labdigital/commercetools-mock over HTTP on 127.0.0.1:<port> (its runServer binds 0.0.0.0, so listen directly).
// Authentication is off: the mock accepts any bearer token.
import { CommercetoolsMock } from "@labdigital/commercetools-mock";

const port = Number(process.argv[2] ?? 3000);
const mock = new CommercetoolsMock({ enableAuthentication: false, validateCredentials: false, silent: true });
await mock.app.listen({ port, host: "127.0.0.1" });
console.log(`commercetools-mock listening on http://127.0.0.1:${port}`);
