-- The accounts component: users, their sessions and the shared rate-limit counters.

-- CreateTable
CREATE TABLE "AccountsUser" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT,
    "emailVerifiedAt" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountsUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountsSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "idleExpiresAt" TIMESTAMP(3) NOT NULL,
    "absoluteExpiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "AccountsSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountsRateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "AccountsRateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountsUser_email_key" ON "AccountsUser"("email");

-- CreateIndex
CREATE UNIQUE INDEX "AccountsSession_tokenHash_key" ON "AccountsSession"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountsSession_userId_absoluteExpiresAt_idx" ON "AccountsSession"("userId", "absoluteExpiresAt");

-- CreateIndex
CREATE INDEX "AccountsSession_idleExpiresAt_idx" ON "AccountsSession"("idleExpiresAt");

-- CreateIndex
CREATE INDEX "AccountsRateLimit_expire_idx" ON "AccountsRateLimit"("expire");

-- AddForeignKey
ALTER TABLE "AccountsSession" ADD CONSTRAINT "AccountsSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "AccountsUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;
