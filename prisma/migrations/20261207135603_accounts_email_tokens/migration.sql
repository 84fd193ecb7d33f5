-- CreateEnum
CREATE TYPE "AccountsEmailTokenPurpose" AS ENUM ('PASSWORD_RESET', 'VERIFY_EMAIL');

-- CreateTable
CREATE TABLE "AccountsEmailToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "purpose" "AccountsEmailTokenPurpose" NOT NULL,
    "tokenHash" BYTEA NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "AccountsEmailToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountsEmailToken_tokenHash_key" ON "AccountsEmailToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountsEmailToken_userId_purpose_idx" ON "AccountsEmailToken"("userId", "purpose");

-- CreateIndex
CREATE INDEX "AccountsEmailToken_expiresAt_idx" ON "AccountsEmailToken"("expiresAt");

-- AddForeignKey
ALTER TABLE "AccountsEmailToken" ADD CONSTRAINT "AccountsEmailToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "AccountsUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;
