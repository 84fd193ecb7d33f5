import { Injectable } from '@nestjs/common';
import { type DeliveredEvent, OnEvent, type TransactionClient } from '../../surface';
import { AccountDeleted } from '../accounts';
import { DemoComponentService } from './component.service';

/** When an author's account is deleted, their posts leave the list and their addresses (accounts/account-deleted). */
@Injectable()
export class AccountDeletedListener {
  constructor(private readonly posts: DemoComponentService) {}

  @OnEvent(AccountDeleted)
  async hideTheirPosts(event: DeliveredEvent<{ accountId: string }>, tx: TransactionClient): Promise<void> {
    await this.posts.hidePostsOfDeletedAuthor(event.payload.accountId, tx);
  }
}
