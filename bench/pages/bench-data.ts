/** One author of the benchmark's data: a placeholder account in "AccountsUser" (no password, cannot sign in). */
export interface BenchAuthor {
  displayName: string;
  email: string;
}

/** One post row, as stored in "DemoPost"; `author` is an index into the authors. */
export interface BenchPost {
  title: string;
  content: string | null;
  status: 'PUBLISHED' | 'DRAFT' | 'ARCHIVED';
  author: number;
  createdAt: Date;
}

export interface BenchData {
  authors: BenchAuthor[];
  posts: BenchPost[];
}

const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Barbara', 'Edsger', 'Frances', 'Donald', 'Margaret', 'Ken', 'Radia'];
const LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Liskov', 'Dijkstra', 'Allen', 'Knuth', 'Hamilton', 'Thompson', 'Perlman'];

const TOPICS = ['Postgres indexes', 'server rendering', 'connection pools', 'schema migrations', 'React hydration', 'release notes'];
const TITLE_SHAPES = [
  (topic: string) => `What we learned about ${topic}`,
  (topic: string) => `A field guide to ${topic}`,
  (topic: string) => `Why ${topic} matter more than you think`,
  (topic: string) => `Notes from a week of ${topic}`,
  (topic: string) => `${topic[0].toUpperCase()}${topic.slice(1)}, step by step`,
];
const SENTENCES = [
  'We started with a question that looked simple and turned out not to be.',
  'The numbers surprised us, so we measured again on a quiet machine.',
  'Most of the time went into waiting for the database, not into rendering.',
  'A smaller change than expected made the biggest difference.',
  'Here is what we tried, what failed, and what we kept.',
  'The short version: read the query plan before changing any code.',
  'Readers asked for the details, so this post has all of them.',
];

/** 2025-06-01T09:00:00Z: fixed, so every run shows the same dates. */
const NEWEST = Date.UTC(2025, 5, 1, 9, 0, 0);
const SPACING_MS = 37 * 60_000;

/**
 * The benchmark's posts and authors, the same on every run: realistic
 * names, titles and bodies (most longer than the 200 characters a card
 * shows), mostly published, newest first every 37 minutes.
 */
export function benchData(postCount: number, authorCount: number): BenchData {
  const authors = Array.from({ length: authorCount }, (_, i) => {
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]}`;
    // Past 100 authors the pairs repeat; a number keeps the names apart on the cards.
    const unique = i < FIRST_NAMES.length * LAST_NAMES.length ? name : `${name} ${i}`;
    return { displayName: unique, email: `author-${i + 1}@bench.invalid` };
  });
  const posts = Array.from({ length: postCount }, (_, i): BenchPost => {
    const topic = TOPICS[i % TOPICS.length];
    const sentences = 2 + (i % 4);
    return {
      title: `${TITLE_SHAPES[i % TITLE_SHAPES.length](topic)} (part ${Math.floor(i / 30) + 1})`,
      content: i % 11 === 10 ? null : Array.from({ length: sentences }, (_, s) => SENTENCES[(i + s * 3) % SENTENCES.length]).join(' '),
      status: i % 13 === 12 ? 'ARCHIVED' : i % 7 === 6 ? 'DRAFT' : 'PUBLISHED',
      author: (i * 7) % authorCount,
      createdAt: new Date(NEWEST - i * SPACING_MS),
    };
  });
  return { authors, posts };
}
