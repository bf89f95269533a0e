// npm run users -- <command>
//   add <username> --role admin|leader|secretary|analyst [--commune CODE…] [--password P]
//   passwd <username> [--password P]
//   disable <username>
//   list [--json]
//   token create <username> [--label L]      (the token alone on the last line, shown once)
//   token revoke <username|id>
// Without --password the password is read from stdin (all of it when piped; one line at a
// terminal). Every change is written to the audit log. Exit codes: 0 ok, 1 failure, 2 usage.
import { parseArgs } from "node:util";
import { createApiToken, revokeApiTokens } from "~/lib/auth/api-token.server";
import {
  addUser,
  disableUser,
  listUsers,
  setPassword,
  UserError,
  type ChangeContext,
} from "~/lib/auth/users.server";
import { UsageError, type Command, type CommandIo } from "../lib/cli";

const USAGE = `Usage:
  npm run users -- add <username> --role admin|leader|secretary|analyst [--commune CODE…] [--password P]
  npm run users -- passwd <username> [--password P]
  npm run users -- disable <username>
  npm run users -- list [--json]
  npm run users -- token create <username> [--label L]
  npm run users -- token revoke <username|id>
Without --password, the password is read from standard input.`;

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        role: { type: "string" },
        commune: { type: "string", multiple: true },
        password: { type: "string" },
        label: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
}

const PASSWORD_PROMPT = "Mật khẩu / Password: ";

/** The password: --password, else stdin (a terminal gets a prompt on stderr and one line). */
async function readPassword(io: CommandIo, given: string | undefined): Promise<string> {
  return given ?? io.readStdin(PASSWORD_PROMPT);
}

function one(rest: string[], what: string): string {
  if (rest.length !== 1 || !rest[0]) throw new UsageError(`Give exactly one ${what}.\n\n${USAGE}`);
  return rest[0];
}

async function runOne(
  io: CommandIo,
  command: string,
  rest: string[],
  values: ReturnType<typeof parse>["values"],
) {
  const context: ChangeContext = { viewer: null, via: `cli:${io.user}` };
  switch (command) {
    case "add": {
      const username = one(rest, "username");
      if (!values.role) throw new UsageError(`--role is required.\n\n${USAGE}`);
      const password = await readPassword(io, values.password);
      return io.withDatabase(async ({ db }) => {
        const user = await addUser(
          db,
          { username, role: values.role!, communes: values.commune ?? [], password },
          context,
        );
        const communes = user.communes.length ? ` · ${user.communes.join(", ")}` : "";
        io.console.log(`User ${user.username} added (${user.role}${communes}).`);
        return 0;
      });
    }
    case "passwd": {
      const username = one(rest, "username");
      const password = await readPassword(io, values.password);
      return io.withDatabase(async ({ db }) => {
        await setPassword(db, username, password, context);
        io.console.log(`Password of ${username} changed; their sessions were signed out.`);
        return 0;
      });
    }
    case "disable": {
      const username = one(rest, "username");
      return io.withDatabase(async ({ db }) => {
        await disableUser(db, username, context);
        io.console.log(`User ${username} disabled; their sessions and API tokens were revoked.`);
        return 0;
      });
    }
    case "list":
      if (rest.length) throw new UsageError(USAGE);
      return io.withDatabase(async ({ db }) => {
        const users = await listUsers(db);
        if (values.json) {
          io.console.log(JSON.stringify(users));
          return 0;
        }
        io.console.table(
          users.map((u) => ({
            username: u.username,
            role: u.role,
            communes: u.communes.join(" "),
            status: u.disabled_at ? `disabled ${u.disabled_at.toISOString()}` : "active",
            demo: u.demo,
            created_at: u.created_at.toISOString(),
          })),
        );
        return 0;
      });
    case "token": {
      const [sub, ...args] = rest;
      if (sub === "create") {
        const username = one(args, "username");
        return io.withDatabase(async ({ db }) => {
          const created = await createApiToken(
            db,
            { username, label: values.label ?? null },
            context,
          );
          io.console.log(
            `API token #${created.id} for ${created.username} created. It is shown only once; it cannot be read back.`,
          );
          io.console.log(created.token);
          return 0;
        });
      }
      if (sub === "revoke") {
        const target = one(args, "username or token id");
        return io.withDatabase(async ({ db }) => {
          const revoked = await revokeApiTokens(db, target, context);
          io.console.log(`${revoked} token(s) revoked.`);
          return revoked > 0 ? 0 : 1;
        });
      }
      throw new UsageError(`Unknown token command "${sub ?? ""}".\n\n${USAGE}`);
    }
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

async function run(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    io.console.log(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    return await runOne(io, command, rest, values);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    io.console.error(`${error.message_vi}\n${error.message_en}`);
    return 1;
  }
}

export const usersCommand: Command = {
  name: "users",
  run,
  // add and passwd read the password from stdin unless --password is given.
  readsStdin(argv) {
    try {
      const { values, positionals } = parse(argv);
      const reads = ["add", "passwd"].includes(positionals[0] ?? "") && !values.password;
      return reads && !values.help ? PASSWORD_PROMPT : null;
    } catch {
      return null;
    }
  },
};
