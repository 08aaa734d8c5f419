/** `download <id>`: the file of a resource, streamed to disk (see output/save-file.ts). */
import type { Command } from "commander";
import type { FileStream } from "mpt-api-client";
import { saveFile } from "../output/save-file.js";
import { call } from "../services.js";
import { leafCommand, type ServiceContext, withService } from "./common.js";

export const OUT_HELP =
  "where to save the file (default: its own name in the current directory; - for stdout)";

export function addDownload(service: Command, ctx: ServiceContext): void {
  const leaf = leafCommand(service, "download", "download the file of a record")
    .argument("<id>", "resource id")
    .option("--out <path>", OUT_HELP)
    .option("--accept <type>", "content type to ask for (default: the resource's own)");
  leaf.action((id: string) =>
    withService<{ out?: string; accept?: string }>(leaf, ctx, async (service, flags) => {
      const options = flags.accept === undefined ? {} : { accept: flags.accept };
      const file = await call<Promise<FileStream>>(service, "downloadStream", id, options);
      await saveFile(ctx.rt, file, flags.out, id);
    }),
  );
}
