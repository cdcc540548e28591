import { apiRoute } from "@/lib/api/route";
import { listCustomersRoute } from "@/lib/api/v1/customers";

export const GET = apiRoute(listCustomersRoute);
