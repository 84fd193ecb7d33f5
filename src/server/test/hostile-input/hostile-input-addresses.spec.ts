import { randomUUID } from 'node:crypto';
import { describeHostileCases, FORM, form, HostileCase, note, NOTES, WANTS_JSON } from './hostile-request';

const MALFORMED_ADDRESS = 'The address contains a malformed %-escape';
const NO_PAGE = 'There is no page at this address.';

const CASES: HostileCase[] = [
  // Encoding in paths and query strings
  {
    description: 'a malformed %-escape in the path of a delete (POST) is refused with 400 and deletes nothing',
    request: { method: 'POST', path: `${NOTES}/%E0%A4%A/delete`, headers: FORM, body: form('') },
    status: 400,
    says: MALFORMED_ADDRESS,
  },
  {
    description: 'a malformed %-escape in the path of a page (GET) is refused with 400',
    request: { path: `${NOTES}/%E0%A4%A/delete` },
    status: 400,
    says: MALFORMED_ADDRESS,
  },
  {
    description: 'a malformed %-escape in the query string is refused with 400',
    request: { path: `${NOTES}?page=%E0%A4%A` },
    status: 400,
    says: MALFORMED_ADDRESS,
  },
  {
    description: 'a malformed %-escape in an unknown address is refused with 400 as JSON to a client that asks for it',
    request: { path: '/no/such/%ZZ', headers: WANTS_JSON },
    status: 400,
    says: MALFORMED_ADDRESS,
    json: true,
  },
  // Numbers in the query string: the list shows page 1, or the last page (2 of 2)
  ...(
    [
      ['a number too large to count with', '?page=99999999999999999999', 2],
      ['a number with four hundred digits', `?page=${'9'.repeat(400)}`, 2],
      ['a negative number', '?page=-1', 1],
      ['zero', '?page=0', 1],
      ['a word', '?page=abc', 1],
      ['an exponent', '?page=1e3', 1],
      ['a fraction', '?page=1.5', 1],
      ['a hexadecimal number', '?page=0x2', 1],
      ['an array (page[]=2)', '?page[]=2', 1],
      ['a repeated page', '?page=2&page=2', 1],
      ['an empty page', '?page=', 1],
      ['a markup-shaped parameter name', '?page=2&%3Cscript%3E=1', 2],
    ] as const
  ).map(([name, query, page]): HostileCase => ({
    description: `${name} as the page (${query.length > 40 ? `${query.slice(0, 16)}…` : query}) shows page ${page} of the list, never an error`,
    request: { path: `${NOTES}${query}` },
    status: 200,
    showsPage: page,
  })),
  // Ids in paths
  {
    description: 'the delete page of a malformed id is a 404 page',
    request: { path: `${NOTES}/not-a-uuid/delete` },
    status: 404,
    says: 'This note does not exist, or it has been deleted already.',
  },
  {
    description: 'the delete page of an id one digit too long is a 404 page',
    request: { path: `${NOTES}/${randomUUID()}0/delete` },
    status: 404,
    says: 'This note does not exist',
  },
  {
    description: 'deleting a malformed id changes nothing and lands on the list',
    request: { method: 'POST', path: `${NOTES}/not-a-uuid/delete`, headers: FORM, body: form('') },
    status: 303,
  },
  {
    description: 'deleting an SQL-shaped id changes nothing and lands on the list',
    request: { method: 'POST', path: `${NOTES}/${encodeURIComponent("' OR '1'='1")}/delete`, headers: FORM, body: form('') },
    status: 303,
  },
  // Unknown addresses and methods
  {
    description: 'an unknown address shaped like a script element is a 404 page that does not echo it',
    request: { path: '/%3Cscript%3Ealert(1)%3C/script%3E' },
    status: 404,
    says: NO_PAGE,
  },
  {
    description: 'a path climbing out of /static/ (%2e%2e) is a 404 page, not a file',
    request: { path: '/static/%2e%2e/%2e%2e/package.json' },
    status: 404,
    says: NO_PAGE,
  },
  {
    description: 'a method the route does not have (PUT on the form) is a 404 page and changes nothing',
    request: { method: 'PUT', path: NOTES, headers: FORM, body: form(note()) },
    status: 404,
    says: NO_PAGE,
  },
];

describeHostileCases('hostile input over HTTP: paths, query strings and methods', CASES);
