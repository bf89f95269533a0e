-- grain: none (a function); source: app/lib/format/csv.ts. Issue 13: core.csv_cell (0034) decided
-- whether a cell starts or ends with whitespace by trimming it and comparing, and btrim over a
-- multibyte character set measures every character of the value: on the record-level CSV extract
-- that was ~1 s of 10 per 2M records. Only the first and the last character can matter, so this
-- version reads just those two code points (ascii() of the value and of its last character) and
-- compares them with the characters JavaScript's String.prototype.trim removes: tab, LF, VT, FF,
-- CR, space, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF.
-- The result is the same for every value (tests/integration/csv-extract-copy.test.ts).
create or replace function core.csv_cell(value text) returns text
language sql immutable parallel safe
as $$
  select case
    when ascii(value) in (9, 13, 43, 45, 61, 64) then
      -- A formula start: the apostrophe goes first, so only the last character can be space.
      case
        when strpos(value, '"') > 0 or strpos(value, ',') > 0 or strpos(value, E'\r') > 0
          or strpos(value, E'\n') > 0
          or ascii(right(value, 1)) in (9, 10, 11, 12, 13, 32, 160, 5760, 8192, 8193, 8194, 8195,
            8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279)
          then '"''' || replace(value, '"', '""') || '"'
        else '''' || value
      end
    when strpos(value, '"') > 0 or strpos(value, ',') > 0 or strpos(value, E'\r') > 0
      or strpos(value, E'\n') > 0
      or ascii(value) in (9, 10, 11, 12, 13, 32, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197,
        8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279)
      or ascii(right(value, 1)) in (9, 10, 11, 12, 13, 32, 160, 5760, 8192, 8193, 8194, 8195,
        8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279)
      then '"' || replace(value, '"', '""') || '"'
    else value
  end
$$;
