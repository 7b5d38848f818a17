import type { Page } from '@memberpulse/integration-schema';
import { InvalidResponseError } from './errors.js';
import type { ApiResult } from './transport.js';

const isResult = <T>(r: Page<T> | ApiResult<Page<T>>): r is ApiResult<Page<T>> => 'data' in r && 'status' in r;

/**
 * Walks a cursor-paged list lazily: fetches the next page only when the loop asks for it, and
 * stops after the page whose `nextCursor` is null. Breaking out of the loop fetches nothing more.
 * A server that repeats a cursor, or sends one with an empty page, is an `InvalidResponseError`; when
 * `fetchPage` answers the transport's whole result, not just the page, it names the call's path, status and request id.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T> | ApiResult<Page<T>>>,
  cursor?: string,
): AsyncIterableIterator<Page<T>> {
  const seen = new Set<string>();
  for (;;) {
    const answer = await fetchPage(cursor);
    const page = isResult(answer) ? answer.data : answer;
    yield page;
    if (!page.nextCursor) return;
    // An empty page cannot mark where the next one starts: a server sending one with a cursor would be followed forever.
    const fault = seen.has(page.nextCursor) ? 'repeated a cursor' : page.items.length === 0 ? 'sent an empty page with a cursor' : undefined;
    if (fault) {
      const call = isResult(answer) ? { method: 'GET', path: answer.path, status: answer.status, requestId: answer.requestId } : {};
      // The cursor is not quoted: it is the server's text, which may echo the token.
      throw new InvalidResponseError(`The server ${fault}; stopping${call.path ? ` (GET ${call.path})` : ''}.`, call);
    }
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}
