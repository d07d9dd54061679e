// The better-sqlite3 adapter runs every query on one connection and locks only transactions, so a
// query from another request would run inside an open transaction: it would see uncommitted rows
// and, if it writes, vanish with a rollback. This wrapper makes every query wait its turn.
// Invariant: inside prisma.$transaction, use the `tx` client only (the outer one waits forever).
import type { SqlDriverAdapter, Transaction } from "@prisma/driver-adapter-utils";

class Mutex {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return ready;
  }
}

export function serializeAccess(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const mutex = new Mutex();
  const exclusive = async <T>(run: () => Promise<T>): Promise<T> => {
    const release = await mutex.acquire();
    try {
      return await run();
    } finally {
      release();
    }
  };
  return new Proxy(adapter, {
    get(target, property) {
      if (property === "queryRaw" || property === "executeRaw" || property === "executeScript") {
        return (argument: never) => exclusive(() => (target[property] as (arg: never) => Promise<unknown>).call(target, argument));
      }
      if (property === "startTransaction") {
        return async (isolationLevel?: Parameters<SqlDriverAdapter["startTransaction"]>[0]) => {
          const release = await mutex.acquire();
          try {
            return releaseOnEnd(await target.startTransaction(isolationLevel), release);
          } catch (error) {
            release();
            throw error;
          }
        };
      }
      return bound(target, property);
    },
  });
}

function releaseOnEnd(transaction: Transaction, release: () => void): Transaction {
  let released = false;
  const finish = () => {
    if (released) return;
    released = true;
    release();
  };
  return new Proxy(transaction, {
    get(target, property) {
      if (property === "commit" || property === "rollback") {
        return async () => {
          try {
            await target[property]();
          } finally {
            finish();
          }
        };
      }
      return bound(target, property);
    },
  });
}

// Methods must run on the real object: the adapter keeps its state in private fields.
function bound<T extends object>(target: T, property: string | symbol) {
  const value = Reflect.get(target, property);
  return typeof value === "function" ? value.bind(target) : value;
}
