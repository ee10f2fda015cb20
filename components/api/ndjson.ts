// Reads a newline-delimited JSON answer (application/x-ndjson) as it arrives, one parsed line at a time: the whole-log
// verification reports its progress this way. A line may arrive split across chunks, or several in one chunk.
import { format, type Lang } from '../i18n/messages.js';
import { ApiError } from './api-client.js';

export async function readNdjson(res: Response, onLine: (value: unknown) => void, { lang, signal }: { lang: Lang; signal?: AbortSignal }): Promise<void> {
  if (!res.body) {
    for (const line of (await res.text()).split('\n')) if (line.trim()) onLine(JSON.parse(line));
    return;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    let chunk: ReadableStreamReadResult<string>;
    try {
      chunk = await reader.read();
    } catch (err) {
      // Aborts stay aborts (the caller moved on); a connection lost midway is a network error like any other.
      if (signal?.aborted) throw err;
      throw new ApiError(0, 'Network Error', format(lang, 'networkError'));
    }
    if (chunk.done) break;
    buffered += chunk.value;
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end).trim();
      buffered = buffered.slice(end + 1);
      if (line) onLine(JSON.parse(line));
    }
  }
  if (buffered.trim()) onLine(JSON.parse(buffered));
}
