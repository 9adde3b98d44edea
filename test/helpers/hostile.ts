/** Inputs an attacker could feed through workflow data or a credential, shared by the tests of every check that refuses them. */

/** Values that would climb to another endpoint if put into a request path (nodes/Ghl/transport/path.ts). */
export const HOSTILE = ['..', '.', '..\\..\\calendars\\CAL1', '%2e%2e', '%2E%2E%2Fusers', 'a/b', 'x?y=1', 'x#y', 'a\u0000b', 'a\nb', 'a\u007fb', ''];

/** Credential URLs a token may be sent to (nodes/Ghl/transport/credentialUrls.ts) … */
export const SAFE_URLS = ['https://services.leadconnectorhq.com', 'https://services.leadconnectorhq.com/', 'http://127.0.0.1:4010', 'http://localhost:8080/x', 'http://[::1]:9'];
/** … and ones it never may. */
export const UNSAFE_URLS = ['http://evil.example', 'ftp://evil.example', 'http://localhost.evil.example', 'http://127.0.0.1.evil.example', 'https://user:pw@evil.example', 'javascript:alert(1)', 'evil.example', ''];
