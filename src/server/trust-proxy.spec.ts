import { Test } from '@nestjs/testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Controller, Get, Ip, Module } from '@nestjs/common';
import { ConfigurationError } from '../platform/errors/configuration.error';
import { applyTrustProxy } from './trust-proxy';

@Controller()
class WhoController {
  @Get('who')
  who(@Ip() ip: string): string {
    return ip;
  }
}

@Module({ controllers: [WhoController] })
class WhoModule {}

async function clientAddressSeen(env: NodeJS.ProcessEnv, forwardedFor: string): Promise<string> {
  const moduleRef = await Test.createTestingModule({ imports: [WhoModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  applyTrustProxy(app, env);
  await app.listen(0, '127.0.0.1');
  try {
    const { port } = app.getHttpServer().address() as { port: number };
    return await (await fetch(`http://127.0.0.1:${port}/who`, { headers: { 'x-forwarded-for': forwardedFor } })).text();
  } finally {
    await app.close();
  }
}

describe('TRUST_PROXY', () => {
  it('ignores X-Forwarded-For by default, so a client cannot pick the address the rate limits count', async () => {
    expect(await clientAddressSeen({}, '203.0.113.7')).toBe('127.0.0.1');
  });

  it('takes the forwarded client address from a trusted proxy', async () => {
    expect(await clientAddressSeen({ TRUST_PROXY: '1' }, '203.0.113.7')).toBe('203.0.113.7');
    expect(await clientAddressSeen({ TRUST_PROXY: 'loopback' }, '203.0.113.7')).toBe('203.0.113.7');
  });

  it('stops with a message naming the variable for a value that is not an address', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [WhoModule] }).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });

    expect(() => applyTrustProxy(app, { TRUST_PROXY: 'not-an-address' })).toThrow(ConfigurationError);
    expect(() => applyTrustProxy(app, { TRUST_PROXY: 'not-an-address' })).toThrow(
      /^TRUST_PROXY="not-an-address" is not a number of proxies/,
    );
    await app.close();
  });
});
