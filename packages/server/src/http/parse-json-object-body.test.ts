import { describe, expect, it } from "vitest";
import { ApiError } from "../errors/api-error.js";
import { MAX_JSON_BODY_DEPTH, parseJsonObjectBody } from "./parse-json-object-body.js";

function refusal(text: string, expected?: string): ApiError {
  try {
    parseJsonObjectBody(text, expected);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error(`parseJsonObjectBody accepted ${text}`);
}

describe("parseJsonObjectBody", () => {
  it("parses a JSON object, and reads blank text as {}", () => {
    expect(parseJsonObjectBody('{"first_name":"Ada","tags":[1,{"a":null}]}')).toEqual({
      first_name: "Ada",
      tags: [1, { a: null }],
    });
    expect(parseJsonObjectBody("")).toEqual({});
    expect(parseJsonObjectBody(" \n\t")).toEqual({});
  });

  it("refuses text that is not JSON, keeping the parser's error as the cause", () => {
    const error = refusal("{first_name:");
    expect(error.code).toBe("request_body_invalid");
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("refuses JSON that is not an object, saying what was expected", () => {
    for (const text of ["[]", "null", "42", '"text"', "true"]) {
      expect(refusal(text).code).toBe("request_body_invalid");
    }
    expect(refusal("[1]").longMessage).toBe("The request body must be a JSON object.");
    expect(refusal("[1]", "a JSON object or a form").longMessage).toBe(
      "The request body must be a JSON object or a form.",
    );
  });

  it(`accepts nesting up to ${MAX_JSON_BODY_DEPTH} levels and refuses one more`, () => {
    const nested = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${"}".repeat(depth - 1)}`;
    expect(parseJsonObjectBody(nested(MAX_JSON_BODY_DEPTH))).toBeTypeOf("object");
    const error = refusal(nested(MAX_JSON_BODY_DEPTH + 1));
    expect(error.code).toBe("request_body_invalid");
    expect(error.longMessage).toContain(`more than ${MAX_JSON_BODY_DEPTH} levels`);
  });
});
