import { describe, expect, it } from 'vitest';
import { assertPublicHost, NonPublicHostError } from './public-host';

describe('the relay only reaches public hosts', () => {
  it.each([
    'http://127.0.0.1:8080/api',
    'http://localhost/',
    'https://10.1.2.3/',
    'https://172.20.0.5/',
    'https://192.168.1.10/',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]:3000/',
    'http://[fd00::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://0.0.0.0/',
  ])('refuses %s', async (url) => {
    await expect(assertPublicHost(url)).rejects.toBeInstanceOf(NonPublicHostError);
  });

  it.each(['https://93.184.215.14/', 'https://[2606:4700::6810:84e5]/'])('lets %s through', async (url) => {
    await expect(assertPublicHost(url)).resolves.toBeUndefined();
  });
});
