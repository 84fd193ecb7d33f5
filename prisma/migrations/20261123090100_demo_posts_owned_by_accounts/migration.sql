-- Demo posts now belong to accounts (DemoPost.author -> AccountsUser) instead
-- of free-text authors (DemoUser). Existing posts are kept: every DemoUser
-- becomes a placeholder account with the same id, so no post's authorId
-- changes. A placeholder has no password hash and can never sign in. Its
-- email is made up under the reserved .invalid domain, because the old
-- address was never verified and must not block its real owner from signing
-- up. The old name becomes the display name.
-- (No semicolons in these comments: the WebAssembly schema engine splits
-- the file into statements at every semicolon, comments included.)
INSERT INTO "AccountsUser" ("id", "email", "displayName", "passwordHash", "createdAt", "updatedAt")
SELECT "id", 'demo-author-' || "id"::text || '@placeholder.invalid', "name", NULL, "createdAt", CURRENT_TIMESTAMP
FROM "DemoUser";

-- DropForeignKey
ALTER TABLE "DemoPost" DROP CONSTRAINT "DemoPost_authorId_fkey";

-- DropTable
DROP TABLE "DemoUser";

-- AddForeignKey
ALTER TABLE "DemoPost" ADD CONSTRAINT "DemoPost_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "AccountsUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;
