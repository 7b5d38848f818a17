/** Longest endpoint name. */
export const ENDPOINT_NAME_MAX = 80;
/** Longest endpoint description. */
export const ENDPOINT_DESCRIPTION_MAX = 1000;

/** Names compare case-insensitively and without surrounding space, so "Orders" and " orders" collide. */
export function endpointNameKey(name: string): string {
  return name.trim().toLocaleLowerCase('en');
}
