/** Default credentials and settings of the fake org. None of these are secrets: they only open the fake. */

/** Connected App consumer key the fake accepts by default. */
export const FAKE_CONSUMER_KEY = '3MVG9fakeMemberPulseConsumerKey.loopback.only';
/** Connected App consumer secret the fake accepts by default. */
export const FAKE_CONSUMER_SECRET = 'FAKE0SECRET0123456789ABCDEF';
/** Integration (service) user's username. */
export const FAKE_USERNAME = 'integration@memberpulse-demo.example';
/** Integration user's password (without the security token). */
export const FAKE_PASSWORD = 'Pulse-Demo-2024';
/** Integration user's security token, appended to the password for SOAP and OAuth password logins. */
export const FAKE_SECURITY_TOKEN = 'DEMOtoken0123456789';
/** The API version the fake serves by default. */
export const DEFAULT_API_VERSION = '62.0';
/** Default 24-hour API request allowance (DailyApiRequests Max). */
export const DEFAULT_DAILY_API_LIMIT = 15000;
/** Oldest API version the fake lists. */
export const MIN_API_VERSION = 31;
/** Placeholder for the API version inside stored describe urls; replaced with the served version on output. */
export const VERSION_PLACEHOLDER = '{{apiVersion}}';
