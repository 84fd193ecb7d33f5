/**
 * The plain peer: a minimal NestJS app over Prisma, written the way the Nest
 * and Prisma docs show it, untuned. `npm run bench:pages` compiles it (with
 * decorator metadata, which Nest's injection needs) and runs it with plain
 * node, DATABASE_URL, HOST and PORT set.
 */
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(process.env.PORT ?? 3000, process.env.HOST ?? '127.0.0.1');
}
void bootstrap();
