import type { Page } from '@memberpulse/integration-schema';
import { InvalidResponseError } from './errors.js';
import type { ApiResult } from './transport.js';

/**
 * Walks a cursor-paged list lazily: fetches the next page only when the loop asks for it, and
 * stops after the page whose `nextCursor` is null. Breaking out of the loop fetches nothing more.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<ApiResult<Page<T>>>,
  cursor?: string,
): AsyncIterableIterator<Page<T>> {
  const seen = new Set<string>();
  for (;;) {
    const { data: page, path, status, requestId } = await fetchPage(cursor);
    yield page;
    if (!page.nextCursor) return;
    if (seen.has(page.nextCursor)) {
      throw new InvalidResponseError(`The server repeated cursor ${page.nextCursor}; stopping (GET ${path}).`, { method: 'GET', path, status, requestId });
    }
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}
