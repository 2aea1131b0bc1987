import { chooseEncoding } from '../../../src/gateway/http/accept-encoding';

describe('chooseEncoding: which stored coding answers an Accept-Encoding header', () => {
  const both = ['br', 'gzip'] as const;

  test.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['BR;Q=1.0, GZIP;Q=0.9', 'br'],
    ['x-gzip', 'gzip'],
    ['*', 'br'],
    ['br;q=0, *', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['identity', 'identity'],
    ['gzip;q=0.5, identity', 'identity'],
    ['gzip, identity;q=0.5', 'gzip'],
    ['deflate', 'identity'],
    ['br;q=nonsense', 'br'],
    [' , ;q=1, gzip ; q=0.3 ', 'gzip'],
  ])('%j → %s', (header, expected) => {
    expect(chooseEncoding(header, both)).toBe(expected);
  });

  test('only codings stored for the file are offered', () => {
    expect(chooseEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('br', ['gzip'])).toBe('identity');
    expect(chooseEncoding('br, gzip', [])).toBe('identity');
  });
});
