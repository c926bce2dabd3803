/**
 * A jobs worker in the test's own thread: serveJobs at one end of a MessageChannel, the other end
 * dressed as a Worker (postMessage, message and error listeners, terminate) for runInWorker and
 * the pane's job host. Messages are structured-cloned as between a page and its worker.
 */
import type { Port } from "../../src/jobs/worker/protocol";
import { serveJobs } from "../../src/jobs/worker/serve";
import type { WorkerLike } from "../../src/jobs/worker/job-host";

/** A worker over a MessageChannel, with what the test may look at. */
export interface ChannelWorker extends WorkerLike {
  terminated: boolean;
  /** Every message the pane's end received, in order. */
  received: unknown[];
}

/**
 * A worker serving jobs, or one that fails to load (`loads: false`: it only fires "error").
 * @param loads whether its script loads
 * @returns the worker
 */
export function channelWorker(loads = true): ChannelWorker {
  const { port1, port2 } = new MessageChannel();
  const errorListeners: ((event: MessageEvent) => void)[] = [];
  const worker: ChannelWorker = {
    terminated: false,
    received: [],
    postMessage: (message) => port1.postMessage(message),
    addEventListener: (type, listener) => {
      if (type === "error") errorListeners.push(listener);
      else port1.addEventListener("message", listener as (event: Event) => void);
    },
    terminate: () => {
      worker.terminated = true;
      port1.close();
      port2.close();
    },
  };
  port1.addEventListener("message", (event) => worker.received.push((event as MessageEvent).data));
  port1.start();
  if (loads) {
    serveJobs(port2 as unknown as Port);
    port2.start();
  } else {
    setTimeout(() => errorListeners.forEach((listener) => listener({ message: "404" } as unknown as MessageEvent)), 0);
  }
  return worker;
}
