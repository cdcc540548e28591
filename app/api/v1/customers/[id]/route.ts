import { apiRoute } from "@/lib/api/route";
import { getCustomerRoute } from "@/lib/api/v1/customers";

export const GET = apiRoute(getCustomerRoute);
