package org.cbamledger.exchange.template;

/** The template's aggregated goods category of an aluminium CN code (A_InstData E62:E71, Summary_Products E). */
final class GoodsCategory {
    static final String UNWROUGHT = "Unwrought aluminium";
    static final String PRODUCTS = "Aluminium products";

    private GoodsCategory() {}

    static String of(String cnCode) {
        return digits(cnCode).startsWith("7601") ? UNWROUGHT : PRODUCTS;
    }

    /** The 8-digit text the template holds in its CN code cells: "7604 10 90" becomes "76041090". */
    static String eightDigits(String cnCode) {
        String digits = digits(cnCode);
        return digits.length() >= 8 ? digits : digits + "0".repeat(8 - digits.length());
    }

    private static String digits(String cnCode) {
        return cnCode.replace(" ", "");
    }
}
