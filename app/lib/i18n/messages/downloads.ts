// UI strings of the downloads area; keys start with "downloads.".
import { defineMessages } from "./define-messages";

export const downloadsMessages = defineMessages({}, {});
