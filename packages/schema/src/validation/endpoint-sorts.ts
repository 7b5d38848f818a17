/** The orders `GET /v1/endpoints` takes as `sort`; the first is its default. */
export const endpointSorts = ['name', '-name', 'createdAt', '-createdAt'] as const;
