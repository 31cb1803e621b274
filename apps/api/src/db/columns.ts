import { Column, CreateDateColumn, type ColumnOptions } from "typeorm";

/**
 * Column shapes shared by every entity, so that both dialects (MySQL and the embedded SQLite) get the
 * same types: millisecond timestamps stored in UTC, and `YYYY-MM-DD` calendar dates kept as strings
 * (a date of birth has no time zone).
 */
export const TimestampColumn = (options: ColumnOptions = {}) =>
  Column({ type: "datetime", precision: 3, ...options });

export const CreatedAtColumn = () => CreateDateColumn();

export const CalendarDateColumn = (options: ColumnOptions = {}) =>
  Column({ type: "varchar", length: 10, ...options });

export const JsonColumn = (options: ColumnOptions = {}) => Column({ type: "simple-json", ...options });
