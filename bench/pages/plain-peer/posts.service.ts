import { Injectable } from '@nestjs/common';
import { demoPosts } from '../../demo-posts';
import { PrismaService } from './prisma.service';

@Injectable()
export class PostsService {
  constructor(private prisma: PrismaService) {}

  async findPage(page: number, size: number) {
    const total = await demoPosts(this.prisma).count();
    const totalPages = Math.max(1, Math.ceil(total / size));
    const shown = Math.min(page, totalPages);
    const posts = await demoPosts(this.prisma).findMany({
      // Only the name: an account row also holds its password hash, which no page may read.
      include: { author: { select: { displayName: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (shown - 1) * size,
      take: size,
    });
    return { posts, page: shown, totalPages };
  }
}
