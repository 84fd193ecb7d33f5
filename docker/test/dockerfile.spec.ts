import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { dockerIgnoreMatcher } from './docker-ignore';
import { copiedPaths, copyArguments, DockerInstruction, DockerStage, execForm, readDockerfileStages } from './dockerfile-stages';

// No Docker engine runs on the development machines or in CI, so the image is
// never built here (docs/operations.md#docker). These tests read the
// Dockerfile and check what a user of the image relies on.

const root = resolve(__dirname, '..', '..');
const dockerfile = join(root, 'Dockerfile');
const stages = readDockerfileStages(dockerfile);
const runtime = stages.at(-1) as DockerStage;
const buildStage = stages.find((stage) => stage.name === 'build');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  engines: { node: string };
};
const isIgnored = dockerIgnoreMatcher(join(root, '.dockerignore'));

const all = (stage: DockerStage | undefined, keyword: string): DockerInstruction[] =>
  stage?.instructions.filter((instruction) => instruction.keyword === keyword) ?? [];
const last = (stage: DockerStage, keyword: string): DockerInstruction | undefined => all(stage, keyword).at(-1);
/** `ENV A=1 B=2` instructions of a stage, as one record. */
const envOf = (stage: DockerStage): Record<string, string> =>
  Object.fromEntries(
    all(stage, 'ENV').flatMap(({ args }) =>
      args.split(/\s+/).map((pair): [string, string] => [pair.split('=')[0], pair.slice(pair.indexOf('=') + 1)]),
    ),
  );
const workdir = (stage: DockerStage) => last(stage, 'WORKDIR')?.args ?? '/';

describe('Dockerfile', () => {
  it('builds with the dev dependencies in one stage and runs from another that keeps production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(buildStage).toBeDefined();
    const buildSteps = all(buildStage, 'RUN').map(({ args }) => args);
    const order = ['npm ci', 'npm run build', 'npm prune --omit=dev'].map((step) => buildSteps.findIndex((run) => run.includes(step)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The runtime stage installs nothing itself: it copies the pruned tree.
    expect(all(runtime, 'RUN')).toEqual([]);
    expect(workdir(runtime)).toBe(workdir(buildStage as DockerStage));
  });

  it('pins a slim Node.js image of the major version package.json asks for', () => {
    const image = /^ARG NODE_IMAGE=(node:(\d+)\.(\d+)\.(\d+)-bookworm-slim)$/m.exec(readFileSync(dockerfile, 'utf8'));
    expect(image).not.toBeNull();
    const [, , major, minor] = (image as RegExpExecArray).map(Number);
    const [wantMajor, wantMinor] = (/>=(\d+)\.(\d+)/.exec(packageJson.engines.node) as RegExpExecArray).slice(1).map(Number);
    expect(major).toBe(wantMajor);
    expect(minor).toBeGreaterThanOrEqual(wantMinor);
    expect(stages.map((stage) => stage.image)).toEqual(stages.map(() => '${NODE_IMAGE}'));
  });

  it('runs the app as an unprivileged user, not root', () => {
    const user = last(runtime, 'USER')?.args;
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
  });

  it('starts node itself in exec form, as npm start does, so node receives the SIGTERM of docker stop', () => {
    const command = execForm(last(runtime, 'CMD')?.args ?? '');
    expect(command?.[0]).toBe('node');
    // `npm start` is "npm run build … && node …": the image runs the same command without the build.
    const startCommand = packageJson.scripts.start.split('&&').at(-1)?.trim();
    expect(command?.join(' ')).toBe(startCommand);
    expect(all(runtime, 'ENTRYPOINT')).toEqual([]);
  });

  it('runs in production mode, listening on every interface of the container, on the port it exposes', () => {
    const env = envOf(runtime);
    expect(env).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
    expect(last(runtime, 'EXPOSE')?.args).toBe(env.PORT);
  });

  describe('the healthcheck', () => {
    const healthcheck = last(runtime, 'HEALTHCHECK')?.args ?? '';
    const command = execForm(healthcheck.slice(healthcheck.indexOf('CMD ') + 'CMD '.length)) ?? [];
    let server: Server;
    let status = 200;
    let requested: string[] = [];

    beforeAll(async () => {
      server = createServer((req, res) => {
        requested.push(req.url ?? '');
        res.writeHead(req.url === '/health/live' ? status : 404).end();
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    });
    afterAll(() => new Promise<void>((done) => server.close(() => done())));
    beforeEach(() => (requested = []));

    /**
     * Runs the healthcheck's command as Docker would inside the container, with
     * the image's PORT; asynchronously, so this process's server can answer it.
     */
    const check = (port: number) => {
      expect(command[0]).toBe('node');
      const child = spawn(process.execPath, command.slice(1), { env: { PATH: process.env.PATH, PORT: String(port) }, stdio: 'ignore' });
      return new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    };
    const port = () => (server.address() as AddressInfo).port;

    it('passes when GET /health/live answers 200', async () => {
      status = 200;
      expect(await check(port())).toBe(0);
      expect(requested).toEqual(['/health/live']);
    });

    it('fails when /health/live answers 503', async () => {
      status = 503;
      expect(await check(port())).toBe(1);
      expect(requested).toEqual(['/health/live']);
    });

    it('fails when nothing listens on the port', async () => {
      const closed = createServer();
      await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
      const unused = (closed.address() as AddressInfo).port;
      await new Promise<void>((done) => closed.close(() => done()));
      expect(await check(unused)).toBe(1);
    });
  });

  it('copies into the image only what the build context holds or the build stage makes', () => {
    const copies = all(runtime, 'COPY').map(({ args }) => copyArguments(args));
    // Everything comes from the build stage, which saw the same context.
    expect(copies.map((copy) => copy.from)).toEqual(copies.map(() => 'build'));
    const madeByBuild: Record<string, string> = { node_modules: 'npm ci', dist: 'npm run build', 'prisma/schema': 'npm run build' };
    const buildSteps = all(buildStage, 'RUN').map(({ args }) => args);
    for (const { source } of copiedPaths(runtime, 'build', workdir(runtime))) {
      const output = Object.keys(madeByBuild).find((path) => source === path || source.startsWith(`${path}/`));
      if (output) {
        expect(buildSteps.some((run) => run.includes(madeByBuild[output]))).toBe(true);
      } else {
        expect({ source, inContext: existsSync(join(root, source)) && !isIgnored(source) }).toEqual({ source, inContext: true });
      }
    }
  });

  it('holds what node dist/main.js and prisma migrate deploy read at run time', () => {
    const image = copiedPaths(runtime, 'build', workdir(runtime)).map((path) => path.image);
    const has = (path: string) => image.some((copied) => path === copied || path.startsWith(`${copied}/`));
    const script = execForm(last(runtime, 'CMD')?.args ?? '')?.find((arg) => arg.endsWith('.js'));
    const needed = [
      script,
      'dist/static',
      'node_modules/.prisma/client',
      'prisma/migrations',
      'prisma/schema',
      'prisma.config.ts',
      'package.json',
    ];
    expect(needed.filter((path) => !has(path ?? ''))).toEqual([]);
    // The build stage makes these; the test setup ran the same generator.
    expect(existsSync(join(root, 'prisma', 'schema', 'main.prisma'))).toBe(true);
    expect(existsSync(join(root, 'node_modules', '.prisma', 'client', 'index.js'))).toBe(true);
  });

  it('gives prisma migrate deploy a config whose imports are all in the image and among the production dependencies', () => {
    const copied = copiedPaths(runtime, 'build', workdir(runtime));
    expect(copied).toContainEqual({ source: 'prisma.deploy.config.ts', image: 'prisma.config.ts' });
    const missingFiles: string[] = [];
    const devPackages: string[] = [];
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8')).importedFiles) {
        if (fileName.startsWith('.')) {
          const target = [`${fileName}.ts`, `${fileName}/index.ts`, fileName].map((name) => resolve(dirname(file), name)).find(existsSync);
          const path = relative(root, target ?? resolve(dirname(file), fileName));
          if (!target || !copied.some((entry) => entry.image === path && entry.source === path)) missingFiles.push(path);
          else visit(target);
        } else if (!fileName.startsWith('node:') && !builtinModules.includes(fileName)) {
          const name = fileName
            .split('/')
            .slice(0, fileName.startsWith('@') ? 2 : 1)
            .join('/');
          if (!(name in packageJson.dependencies)) devPackages.push(`${name} (${relative(root, file)})`);
        }
      }
    };
    visit(join(root, 'prisma.deploy.config.ts'));
    expect({ missingFiles, devPackages }).toEqual({ missingFiles: [], devPackages: [] });
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe('.dockerignore', () => {
  it('keeps secrets, local databases and local builds out of the build context', () => {
    const local = [
      '.env',
      '.data/dev/cluster.json',
      'node_modules/pg/package.json',
      '.git/HEAD',
      'dist/main.js',
      'src/generated/component-registry.ts',
    ];
    expect(local.filter((path) => !isIgnored(path))).toEqual([]);
  });

  it('keeps everything npm ci and npm run build read', () => {
    const needed = [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'webpack.config.js',
      'prisma.config.ts',
      'prisma.deploy.config.ts',
      'build/generate.ts',
      'src/main.ts',
      'src/components/accounts/prisma/schema.prisma',
      'prisma/migrations/migration_lock.toml',
    ];
    expect(needed.filter((path) => isIgnored(path) || !existsSync(join(root, path)))).toEqual([]);
  });
});
