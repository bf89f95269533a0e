// Runs in every e2e test file: the Chromium that withPage launched for the file is closed with it.
import { afterAll } from "vitest";
import { closeBrowser } from "./browser";

afterAll(closeBrowser);
