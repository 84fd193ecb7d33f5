/**
 * Return paths that would lead a browser to another site if followed: the
 * unit tests of safeReturnPath and the HTTP tests of the sign-in and sign-up
 * forms refuse the same list.
 */
export const OPEN_REDIRECT_ATTEMPTS: readonly string[] = [
  '//evil.example',
  '//evil.example/path',
  'https://evil.example',
  'http:evil.example',
  'javascript:alert(1)',
  '/\\evil.example',
  '\\\\evil.example',
  '/%2F%2Fevil.example',
  '%2F%2Fevil.example',
  '/%5Cevil.example',
  '/%252F%252Fevil.example',
  '/%25252F%25252Fevil.example',
  '/a/..//evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r/evil.example',
  '/\u0000/evil.example',
  '/\u007f/evil.example',
  '/\u0085/evil.example',
  '/ /evil.example',
  '/%09/evil.example',
  'evil.example',
];
