-- AlterTable
ALTER TABLE "DemoPost" ADD COLUMN     "authorDeletedAt" TIMESTAMP(3);
