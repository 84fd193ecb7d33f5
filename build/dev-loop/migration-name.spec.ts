import { suggestMigrationName } from './migration-name';

// Summaries as `prisma migrate diff` 6.19 prints them.
const owners = new Map([
  ['DemoPost', 'demo'],
  ['DemoPostStatus', 'demo'],
  ['demo_tags', 'demo'],
  ['BlogEntry', 'blog'],
]);

describe('suggestMigrationName', () => {
  it('names one added column after its table and column', () => {
    const differences = '[*] Changed the `DemoPost` table\n  [+] Added column `subtitle`';

    expect(suggestMigrationName(differences, owners)).toBe('add_demo_post_subtitle');
  });

  it('names one added table, one removed column and one altered column by what happened to them', () => {
    expect(suggestMigrationName('[+] Added tables\n  - demo_tags', owners)).toBe('add_demo_tags');
    expect(suggestMigrationName('[*] Changed the `DemoPost` table\n  [-] Removed column `createdAt`', owners)).toBe(
      'remove_demo_post_created_at',
    );
    expect(
      suggestMigrationName('[*] Changed the `DemoPost` table\n  [*] Altered column `title` (changed from Required to Nullable)', owners),
    ).toBe('change_demo_post_title');
  });

  it('names several changes after the components that own the tables and enums they touch', () => {
    const demoOnly = [
      '[+] Added enums',
      '  - DemoKind',
      '',
      '[+] Added tables',
      '  - demo_tags',
      '',
      '[*] Changed the `DemoPostStatus` enum',
      '  [+] Added variant `REVIEW`',
      '',
      '[*] Changed the `DemoPost` table',
      '  [-] Removed column `content`',
      '  [+] Added index on columns (title)',
    ].join('\n');
    const twoComponents = '[+] Added tables\n  - BlogEntry\n  - demo_tags';

    expect(suggestMigrationName(demoOnly, owners)).toBe('update_demo');
    expect(suggestMigrationName(twoComponents, owners)).toBe('update_blog_demo');
  });

  it('falls back to update_schema when no change belongs to a known component (a removed component)', () => {
    expect(suggestMigrationName('[-] Removed tables\n  - GoneThing\n  - GoneOther', owners)).toBe('update_schema');
    expect(suggestMigrationName('', owners)).toBe('update_schema');
  });

  it('names the removal of a deleted component’s tables after the component', () => {
    const withBooks = new Map([...owners, ['BooksItem', 'books'], ['BooksShelf', 'books'], ['BooksGenre', 'books']]);
    const gone = new Set(['books']);

    expect(suggestMigrationName('[-] Removed tables\n  - BooksItem', withBooks, gone)).toBe('remove_books');
    expect(
      suggestMigrationName('[-] Removed enums\n  - BooksGenre\n\n[-] Removed tables\n  - BooksItem\n  - BooksShelf', withBooks, gone),
    ).toBe('remove_books');
    expect(suggestMigrationName('[-] Removed tables\n  - BooksItem\n\n[+] Added tables\n  - demo_tags', withBooks, gone)).toBe(
      'update_books_demo',
    );
  });
});
