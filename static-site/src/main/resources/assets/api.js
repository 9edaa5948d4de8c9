// Calls the shop's API and turns every failure into an ApiError whose message a shopper
// can read: the problem+json title and detail, never raw JSON.
const base = document.documentElement.dataset.api || '';

export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(problem));
    this.status = status;
    this.problem = problem;
  }
}

function describe(problem) {
  const title = problem.title || 'Something went wrong';
  const parts = [title.endsWith('.') ? title : title + '.'];
  if (problem.detail && problem.detail !== title) parts.push(problem.detail);
  for (const error of problem.errors || []) parts.push(`${error.field}: ${error.message}.`);
  return parts.join(' ');
}

export async function request(path, { method = 'GET', body, headers = {}, credentials } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (credentials) init.credentials = credentials;
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(base + path, init);
  } catch {
    throw new ApiError(0, { title: 'We could not reach the shop', detail: 'Check your connection and try again.' });
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new ApiError(response.status, data && data.title ? data
      : { title: 'Something went wrong', detail: `The shop answered with status ${response.status}. Please try again.` });
  }
  return data;
}
