-- grain: none (a function); source: app/lib/format/csv.ts. Issue 13, ADR 019: the record-level CSV
-- extract is formatted by the database and sent from COPY … TO STDOUT, so the database must write a
-- text cell exactly as csvCell does: a value starting with = + - @ tab or CR gets a leading
-- apostrophe (formula neutralization); the result is quoted, with quotes doubled, when it holds a
-- quote, comma, CR or LF or starts or ends with a character JavaScript's String.prototype.trim
-- removes (the E'' list below). NULL stays NULL: the caller writes it as an empty cell, as csvCell.
-- No regular expressions: strpos, ascii and btrim work on the bytes or the edge characters only,
-- several times cheaper per cell on Vietnamese text. One SELECT expression of its argument, so
-- PostgreSQL inlines it into the query instead of calling a function per cell.
create function core.csv_cell(value text) returns text
language sql immutable parallel safe
as $$
  select case
    when ascii(value) in (9, 13, 43, 45, 61, 64) then
      case
        when strpos(value, '"') > 0 or strpos(value, ',') > 0 or strpos(value, E'\r') > 0
          or strpos(value, E'\n') > 0
          or rtrim(value, E'\t\n\x0b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') <> value
          then '"''' || replace(value, '"', '""') || '"'
        else '''' || value
      end
    when strpos(value, '"') > 0 or strpos(value, ',') > 0 or strpos(value, E'\r') > 0
      or strpos(value, E'\n') > 0
      or btrim(value, E'\t\n\x0b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') <> value
      then '"' || replace(value, '"', '""') || '"'
    else value
  end
$$;
