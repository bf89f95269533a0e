// A rendered chart whose "show table" is a DataTable of the same rows: the pairing most page
// sections make, written once instead of a PlotFigure wrapping a DataTable in each section.
import type { ReactNode } from "react";
import type { RenderedFigure } from "~/lib/charts/render-plot.server";
import { DataTable, type DataTableProps } from "./data-table";
import { PlotFigure } from "./plot-figure";

export type DataFigureProps<Row> = DataTableProps<Row> & {
  id: string;
  title: string;
  figure: RenderedFigure;
  legend?: ReactNode;
};

export function DataFigure<Row>({ id, title, figure, legend, ...table }: DataFigureProps<Row>) {
  return (
    <PlotFigure
      id={id}
      title={title}
      description={figure.description}
      html={figure.html}
      legend={legend}
      table={<DataTable {...table} />}
    />
  );
}
