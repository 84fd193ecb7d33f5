import { Global, Module } from '@nestjs/common';
import { PrismaService } from './prisma.service';

/** Gives every module the process's single `PrismaService`. */
@Global()
@Module({
  providers: [PrismaService],
  exports: [PrismaService],
})
export class DatabaseModule {}
