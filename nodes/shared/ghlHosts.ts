/**
 * GHL's public hosts, in one place for the credentials (their defaults) and the transport (its
 * fallback). n8n's credential overwrites can still point an instance elsewhere.
 */
export const GHL_API_BASE_URL = 'https://services.leadconnectorhq.com';
export const GHL_TOKEN_URL = `${GHL_API_BASE_URL}/oauth/token`;
export const GHL_AUTH_URL = 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation';
export const GHL_WHITE_LABEL_AUTH_URL = 'https://marketplace.leadconnectorhq.com/v2/oauth/chooselocation';
