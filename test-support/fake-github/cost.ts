// GitHub's GraphQL rate-limit cost, by its documented formula: add up the
// requests each connection needs (a connection under another is requested
// once per parent node, assuming every `first`/`last` limit is reached),
// divide by 100 and round; at least 1 point. The fake charges this, so the
// action's point counts and the benchmark are what GitHub would bill.
import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValueNode
} from 'graphql';

type Variables = Record<string, unknown>;

function valueOf(node: ValueNode, variables: Variables): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.BOOLEAN) return node.value;
  return undefined;
}

function included(
  field: { directives?: readonly { name: { value: string }; arguments?: readonly { value: ValueNode }[] }[] },
  variables: Variables
): boolean {
  for (const directive of field.directives ?? []) {
    const condition = directive.arguments?.[0] ? valueOf(directive.arguments[0].value, variables) : undefined;
    if (directive.name.value === 'include' && condition === false) return false;
    if (directive.name.value === 'skip' && condition === true) return false;
  }
  return true;
}

function pageSize(field: FieldNode, variables: Variables): number | undefined {
  const limit = field.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
  if (!limit) return undefined;
  const value = valueOf(limit.value, variables);
  return typeof value === 'number' ? value : 0;
}

/** Connection requests and nodes a document asks for, by GitHub's formula (every `first`/`last` reached). */
function measure(document: DocumentNode, given: Variables): { requests: number; nodes: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  // A variable the request leaves out takes its declared default, as GitHub executes it.
  const variables: Variables = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      for (const v of definition.variableDefinitions ?? [])
        if (v.defaultValue) variables[v.variable.name.value] = valueOf(v.defaultValue, {});
    }
  }
  Object.assign(variables, given);
  let requests = 0;
  let nodes = 0;
  const walk = (selectionSet: SelectionSetNode | undefined, parents: number): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (!included(selection, variables)) continue;
      if (selection.kind === Kind.FRAGMENT_SPREAD) walk(fragments.get(selection.name.value)?.selectionSet, parents);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet, parents);
      else {
        const size = pageSize(selection, variables);
        if (size === undefined) walk(selection.selectionSet, parents);
        else {
          requests += parents;
          nodes += parents * size;
          walk(selection.selectionSet, parents * size);
        }
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) walk(definition.selectionSet, 1);
  }
  return { requests, nodes };
}

export function queryCost(document: DocumentNode, variables: Variables = {}): number {
  return Math.max(1, Math.round(measure(document, variables).requests / 100));
}

/**
 * The nodes a document may return, by GitHub's node-limit formula: each
 * connection's `first`/`last` times the nodes of its parent connections.
 */
export function queryNodes(document: DocumentNode, variables: Variables = {}): number {
  return measure(document, variables).nodes;
}
