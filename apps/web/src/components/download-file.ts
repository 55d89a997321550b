import { ApiError, ErrorBody } from '../api/api-error';
import { readToken } from '../api/session-token';

/**
 * Downloads a file the API serves (an export's CSV) with the session's bearer token in the header,
 * never in the URL: fetched as a blob and saved through a temporary object URL.
 */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const token = readToken();
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    // A refusal is the gateway's JSON error shape, as for every other call.
    const body = (await response.json().catch(() => ({}))) as Partial<ErrorBody>;
    throw new ApiError({ statusCode: response.status, error: body.error ?? response.statusText, message: body.message ?? `GET ${path} answered ${response.status}`, code: body.code, details: body.details });
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Revoked after the click has been handled, so the browser has started the download.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
