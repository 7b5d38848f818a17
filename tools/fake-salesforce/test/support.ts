// jsforce reads the proxy variables when it is imported; loopback tests must never go through a proxy.
for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete process.env[k];

/** The API version every test connection pins (jsforce would default to 50.0). */
export const API_VERSION = '62.0';
