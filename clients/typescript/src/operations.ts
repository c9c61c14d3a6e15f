// Types of each route's parts, read from the generated `paths` of the OpenAPI document, so that a
// route the document changes or drops fails the type check instead of a call at run time.
import type { paths } from './schema.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The document's paths that have an operation for the method. */
export type PathOf<M extends Method> = {
  [P in keyof paths]: paths[P] extends { [K in M]: object } ? P : never;
}[keyof paths];

export type Operation<P extends PathOf<M>, M extends Method> = paths[P][M];

/** The JSON body the operation takes (never when it takes none). */
export type Body<P extends PathOf<M>, M extends Method> =
  Operation<P, M> extends { requestBody: { content: { 'application/json': infer B } } } ? B
    : Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B
      : never;

export type Query<P extends PathOf<M>, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type PathParams<P extends PathOf<M>, M extends Method> =
  Operation<P, M> extends { parameters: { path?: infer A } } ? NonNullable<A> : never;

type Success = 200 | 201 | 202 | 204;
type Responses<P extends PathOf<M>, M extends Method> = Operation<P, M> extends { responses: infer R } ? R : never;
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;

/** What a successful answer carries: the union over the operation's 2xx JSON bodies (undefined for 204). */
export type Answer<P extends PathOf<M>, M extends Method> = {
  [S in keyof Responses<P, M> & Success]: Json<Responses<P, M>[S]>;
}[keyof Responses<P, M> & Success];
