import { createRandom, words, type Random } from "../lib/random.js";

/** One block of a typical assistant answer. */
function block(random: Random, index: number): string {
  const sentence = () => {
    const text = words(random, random.int(6, 14));
    return text.charAt(0).toUpperCase() + text.slice(1) + ".";
  };
  const inline = () =>
    `${sentence()} See [the guide](https://example.com/docs/${index}) and call \`stream_${index}()\` ${words(random, 4)}. ${sentence()}`;
  switch (index % 8) {
    case 0:
      return `## ${words(random, random.int(2, 5))}`;
    case 1:
    case 4:
      return `${inline()} ${sentence()} **${words(random, 2)}** and *${words(random, 2)}*.`;
    case 2:
      return Array.from({ length: random.int(3, 6) }, () => `- ${inline()}`).join("\n");
    case 3:
      return [
        "```ts",
        ...Array.from(
          { length: random.int(4, 10) },
          (_, line) =>
            `const value${line} = await client.${words(random, 1)}("${words(random, 2)}");`,
        ),
        "```",
      ].join("\n");
    case 5:
      return [
        "| name | value | note |",
        "| --- | ---: | --- |",
        ...Array.from(
          { length: random.int(3, 6) },
          (_, row) => `| ${words(random, 1)} | ${row * 17} | ${words(random, 3)} |`,
        ),
      ].join("\n");
    case 6:
      return `> ${sentence()} ${inline()}`;
    default:
      return Array.from({ length: random.int(3, 5) }, (_, n) => `${n + 1}. ${sentence()}`).join(
        "\n",
      );
  }
}

/** A seeded markdown document of at least `bytes` characters, like a long assistant answer. */
export function generateMarkdown(bytes: number, seed = 7): string {
  const random = createRandom(seed);
  const blocks: string[] = [`# ${words(random, 4)}`];
  let length = blocks[0]!.length;
  for (let index = 0; length < bytes; index++) {
    const next = block(random, index);
    blocks.push(next);
    length += next.length + 2;
  }
  return blocks.join("\n\n");
}

/** Seeded chunk lengths of 4 to 6 characters that cover `length` exactly. */
export function chunkSizes(length: number, seed = 11): number[] {
  const random = createRandom(seed);
  const sizes: number[] = [];
  for (let covered = 0; covered < length;) {
    const size = Math.min(random.int(4, 6), length - covered);
    sizes.push(size);
    covered += size;
  }
  return sizes;
}
